export { createClock, type SimClock } from './clock';
export { METHOD_NAMES, type RecordedCall } from './dispatch';
export type { FaultKind, FaultOptions } from './faults';
export { RETURN_PARAMS } from './login-page';
export { SEED } from './seed';
export { type OtPlatform, type OtPlatformOptions, startOtPlatform } from './server';
export { LINE_STATUS, PROVIDER_STATUS } from './statuses';
