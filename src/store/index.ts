export type { Collection, CollectionOptions, StoredRecord } from './collection';
export {
  type StoreBackendKind,
  StoreClosedError,
  StoreError,
  type StoreErrorCode,
  StoreOperationError,
  StoreUnavailableError,
} from './errors';
export { DEFAULT_KEY_PREFIX, type LockOutcome, openStore, type Store, type StoreOptions } from './store';
