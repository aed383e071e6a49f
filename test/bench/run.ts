// npm run bench: the performance targets of DESIGN.md §5, each measured against its reference in the same run
// and printed as a ratio. The exit code is 1 when a ratio is over its target.
import { benchAckLatency } from './ack-latency';
import { benchParsing } from './parsing';

async function main(): Promise<void> {
  const parsing = benchParsing();
  const acks = await benchAckLatency();
  process.exitCode = parsing && acks ? 0 : 1;
}

void main();
