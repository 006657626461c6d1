// Applies the real migrations (data/migrations/) to the test D1 binding. Setup files run before every test file and
// `applyD1Migrations` only applies what is missing, so this is safe to run many times. `EMPTY_DB` never gets them.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB!, env.TEST_MIGRATIONS);
