// Times the OT client's parse-and-map against fast-xml-parser's bare parse of the same XML, in the same process
// and run, and prints the ratios next to the target of DESIGN.md §5.
import { XMLParser } from 'fast-xml-parser';

import { mapOrderDetails, mapOrderLinePage } from '../../src/ot/map-order';
import { AnswerReader } from '../../src/ot/read';
import { readAnswer } from '../../src/ot/transport';
import { generateOrderDetails, generateOrderLineSearch } from './generate-answers';

const TARGET_RATIO = 1.5;
const WARMUP_ROUNDS = 5;
const MEASURED_ROUNDS = 30;

interface Case {
  name: string;
  xml: string;
  client: (xml: string) => number;
}

const cases: Case[] = [
  {
    name: 'order details, 2,000 lines',
    xml: generateOrderDetails(2_000),
    client: (xml) => mapWith('GetSalesOrderDetailsForOperator', xml, mapOrderDetails).lines.length,
  },
  {
    name: 'SearchOrderLines, 10,000 lines',
    xml: generateOrderLineSearch(10_000),
    client: (xml) => mapWith('SearchOrderLines', xml, mapOrderLinePage).lines.length,
  },
];

function mapWith<T>(method: string, xml: string, map: (read: AnswerReader, result: Record<string, unknown>) => T): T {
  const read = new AnswerReader(method);
  return map(read, read.requiredNode(readAnswer(method, xml).root, 'Result'));
}

function bareParse(xml: string): number {
  return Object.keys(new XMLParser().parse(xml)).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeOnce(work: () => number): number {
  const started = process.hrtime.bigint();
  if (work() < 0) throw new Error('unreachable: keeps the result alive');
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function measure(benchCase: Case): { bareMs: number; clientMs: number } {
  const bare: number[] = [];
  const client: number[] = [];
  for (let round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
    // Alternate the two so that machine noise lands on both alike.
    const bareMs = timeOnce(() => bareParse(benchCase.xml));
    const clientMs = timeOnce(() => benchCase.client(benchCase.xml));
    if (round < WARMUP_ROUNDS) continue;
    bare.push(bareMs);
    client.push(clientMs);
  }
  return { bareMs: median(bare), clientMs: median(client) };
}

/** Prints each case's ratio; true when every one is within the target. */
export function benchParsing(): boolean {
  let allWithinTarget = true;
  console.log(`OT answer parsing: median of ${MEASURED_ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up rounds`);
  for (const benchCase of cases) {
    const { bareMs, clientMs } = measure(benchCase);
    const ratio = clientMs / bareMs;
    const verdict = ratio <= TARGET_RATIO ? 'within' : 'OVER';
    allWithinTarget &&= ratio <= TARGET_RATIO;
    const size = `${(benchCase.xml.length / 1e6).toFixed(1)} MB`;
    console.log(
      `  ${benchCase.name} (${size}): fast-xml-parser ${bareMs.toFixed(1)} ms, client parse+map ` +
        `${clientMs.toFixed(1)} ms, ratio ${ratio.toFixed(2)}x (${verdict} target ${TARGET_RATIO}x)`,
    );
  }
  return allWithinTarget;
}
