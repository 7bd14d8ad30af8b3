// Exchange bundles (.tdkt): format, reader/verifier, writer, entity registry, merge.
export * from './format';
export * from './entity';
export { registerEntityKind, unregisterEntityKind, entityKinds, entityKind } from './registry';
export { bufferSource, fileSource, listZipEntries, type ByteSource, type ZipEntry } from './zip-read';
export { scanBundle, recordSchema, type ScannedBundle, type IncomingRecord, type ReadHooks, type ReadOptions } from './reader';
export { BundleWriter, DataPartWriter, memorySink, writeBundleFile, type BundleSink, type EntryStream } from './writer';
export { writeBundle, exportSettings, bundleFileName, type ExportRequest, type ExportOptions } from './export';
export { planMerge, applyPlan, classify, writesUnder, unresolvedConflicts, type MergePlan, type KindPlan } from './merge';
export { supersededNotes } from './kinds/dossiers';
