// Quarterly task tracker: pure rules (status and deadlines, timing text, plan appendix → tasks,
// the recurring TĐKT calendar, copying a year, counts for summaries and charts).
export * from './status';
export * from './timing';
export * from './labels';
export * from './from-plan';
export * from './calendar';
export * from './copy';
export * from './stats';
