/**
 * Cards: the model of what a card shows, and its themes. Browser-safe; the widget and the server share it.
 *
 * @example indicatorCard(snapshot.indicator('platforms-total')!, 'zh', snapshot, origin).value // { text: '708家', unit: '' }
 */
export * from './model';
export * from './theme';
