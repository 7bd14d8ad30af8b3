// Every benchmark case, in the order they run. To add one: write bench/cases/<area>.ts
// exporting a BenchCase and register it here; list it in PLANNED until it exists.
import { registerBench } from '../registry';
import { openCase, searchCase, insertCase, quickSearchCase } from './core';
import { eligibilityCase } from './records';
import { dossierCase, dossierWarmCase } from './dossier';
import { exchangeCase } from './exchange';
import { browserCase } from './browser';
import { recordsBrowserCase } from './browser-records';
import { backupCase } from './backup';
import { yearlyListsCase } from './yearly-lists';
import { dataCareCase } from './data-care';

registerBench(openCase);
registerBench(searchCase);
registerBench(quickSearchCase);
registerBench(insertCase);
registerBench(eligibilityCase);
registerBench(yearlyListsCase);
registerBench(dataCareCase);
registerBench(dossierCase);
registerBench(dossierWarmCase);
registerBench(exchangeCase);
registerBench(backupCase);
registerBench(browserCase);
registerBench(recordsBrowserCase);

/** Extension points: cases later work adds (listed as "not measured yet" in the output). */
export const PLANNED: { id: string; title: string }[] = [];
