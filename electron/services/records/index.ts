// Award records services: year-end grid, decisions, initiatives/disciplines/registrations,
// timelines and statistics, eligibility check, Excel import of past records, settings.
export * from './settings';
export * from './grid';
export * from './decisions';
export * from './lists';
export * from './timeline';
export * from './eligibility';
export * from './import';
