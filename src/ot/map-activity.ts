import { type AnswerReader, itemsOf, textOf } from './read';
import type { Activity, ActivityAction, ActivityRef, ActivityStep, NamedParameter, StepAction } from './types';
import { ATTRIBUTE_PREFIX, type XmlNode } from './xml';

/** Result of a Run* call: BackgroundActivityIdentificationInfo. */
export function mapActivityRef(read: AnswerReader, result: XmlNode, fallbackType?: string): ActivityRef {
  const type = read.optionalText(result, 'Type') ?? fallbackType ?? read.requiredText(result, 'Type');
  return { type, id: read.requiredId(result, 'Id') };
}

/** BackgroundActivityInfo (search) or BackgroundActivityFullInfo (with Steps). */
export function mapActivity(read: AnswerReader, node: XmlNode): Activity {
  return {
    type: read.requiredText(node, 'Type'),
    id: read.requiredId(node, 'Id'),
    description: read.text(node, 'Description'),
    isFinished: read.boolean(node, 'IsFinished'),
    isCancelled: read.boolean(node, 'IsCancelled'),
    isAwaitingAction: read.boolean(node, 'IsAwaitingAction'),
    progressPercent: clampPercent(read.number(node, 'ProgressPercent')),
    workTimeMs: read.optionalNumber(node, 'WorkTime'),
    startTime: read.optionalText(node, 'StartTime'),
    actions: read.list(node, 'Actions').map((action) => mapActivityAction(read, action)),
    steps: read.list(node, 'Steps').map((step) => mapStep(read, step)),
  };
}

function mapActivityAction(read: AnswerReader, node: XmlNode): ActivityAction {
  const id = read.requiredId(node, 'Id');
  return { id, displayName: read.optionalText(node, 'DisplayName') ?? id };
}

function mapStep(read: AnswerReader, node: XmlNode): ActivityStep {
  return {
    type: read.text(node, 'Type'),
    message: read.text(node, 'Message'),
    timeFromStartMs: read.optionalNumber(node, 'TimeFromStart'),
    actions: read.list(node, 'Actions').map((action) => mapStepAction(read, action)),
  };
}

function mapStepAction(read: AnswerReader, node: XmlNode): StepAction {
  const id = read.requiredId(node, 'Id');
  return {
    id,
    displayName: read.optionalText(node, 'DisplayName') ?? id,
    parameters: itemsOf(node.Parameters).map(mapNamedParameter),
  };
}

/** `<Parameter Name="lineId">123</Parameter>`; the value is echoed back unchanged when answering. */
function mapNamedParameter(node: XmlNode): NamedParameter {
  return { name: textOf(node[`${ATTRIBUTE_PREFIX}Name`]), value: textOf(node) };
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}
