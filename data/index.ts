/**
 * The bundled data: the catalog and one file per dataset. `npm test` and
 * `npm start` check every file against the schemas in `worker/schema`.
 * To add a dataset, add its file here and its id to `catalog.json`.
 */
import catalog from './catalog.json';
import highTechPipeline from './datasets/high-tech-pipeline.json';
import innovationPlatforms from './datasets/innovation-platforms.json';
import rdInvestment from './datasets/rd-investment.json';
import specialisedEnterprises from './datasets/specialised-enterprises.json';
import talentCooperation from './datasets/talent-cooperation.json';
import targets2023 from './datasets/targets-2023.json';
import technologyTransfer from './datasets/technology-transfer.json';

/** Raw files keyed by their path, so a validation error can name the file. */
export const files: Record<string, unknown> = {
  'data/catalog.json': catalog,
  'data/datasets/innovation-platforms.json': innovationPlatforms,
  'data/datasets/specialised-enterprises.json': specialisedEnterprises,
  'data/datasets/targets-2023.json': targets2023,
  'data/datasets/technology-transfer.json': technologyTransfer,
  'data/datasets/rd-investment.json': rdInvestment,
  'data/datasets/high-tech-pipeline.json': highTechPipeline,
  'data/datasets/talent-cooperation.json': talentCooperation,
};
