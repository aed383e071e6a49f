import type { SimRandom } from '../random';
import { validationError } from '../wire';

// Background activities run as generator scripts against the simulator's clock. A script yields `wait`
// to let time pass and `ask` to put a question to the operator; the engine runs whatever is due whenever
// the simulator handles a request, so a test that moves the clock sees the same steps every time.

export const ACTIVITY_TYPES = {
  export: 'ProviderOrdersIntegrationExporting',
  sync: 'ProviderOrdersIntegrationSynchronizing',
  link: 'ProviderOrdersIntegrationLinking',
  unlink: 'ProviderOrdersIntegrationUnlinking',
} as const;

export type StepType = 'Info' | 'Warning' | 'Error' | 'Success';

export interface StepAction {
  id: 'DoStepAction' | 'Link';
  displayName: string;
  parameters: Array<[name: string, value: string]>;
}

export interface Step {
  type: StepType;
  message: string;
  timeFromStartMs: number;
  actions: StepAction[];
}

/** A question for the operator: each choice becomes a DoStepAction; a link becomes a Link action. */
export interface Question {
  message: string;
  lineId: string;
  choices: Array<{ choice: string; displayName: string }>;
  link?: { displayName: string; url: string };
}

export type Yielded = { wait: number } | { ask: Question };
/** What a script receives back from `yield`: the chosen choice after an ask, nothing after a wait. */
export type ActivityScript = Generator<Yielded, void, string | undefined>;

export interface ActivityLog {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  success(message: string): void;
  progress(percent: number): void;
  /** Ends the activity as cancelled (the script returns right after). */
  cancel(message: string): void;
}

export interface SimActivity {
  id: string;
  type: string;
  description: string;
  startedAt: Date;
  finishedAt?: Date;
  cancelled: boolean;
  progressPercent: number;
  steps: Step[];
  /** The step that holds the open question, while the activity waits for an answer. */
  awaitingStep?: Step;
  /** The script's own time: steps are stamped with it, and it runs on while it is not ahead of the clock. */
  cursor: number;
  pendingAnswer?: string;
  script: ActivityScript;
}

export const wait = (ms: number): Yielded => ({ wait: ms });
export const ask = (question: Question): Yielded => ({ ask: question });
const CANCEL_ACTION = { id: 'Cancel', displayName: 'Cancel' };

export class ActivityBoard {
  private readonly activities = new Map<string, SimActivity>();

  constructor(private readonly random: SimRandom) {}

  start(type: string, description: string, now: Date, run: (log: ActivityLog) => ActivityScript): SimActivity {
    const activity: SimActivity = {
      id: this.random.guid(),
      type,
      description,
      startedAt: now,
      cancelled: false,
      progressPercent: 0,
      steps: [],
      cursor: now.getTime(),
      script: undefined as unknown as ActivityScript,
    };
    activity.script = run(logOf(activity));
    this.activities.set(activity.id, activity);
    settleActivity(activity, now.getTime());
    return activity;
  }

  find(type: string, id: string): SimActivity | undefined {
    const activity = this.activities.get(id);
    return activity?.type === type ? activity : undefined;
  }

  /** Newest first. */
  list(): SimActivity[] {
    return [...this.activities.values()].reverse();
  }

  settleAll(now: Date): void {
    for (const activity of this.activities.values()) settleActivity(activity, now.getTime());
  }
}

export function isDone(activity: SimActivity): boolean {
  return activity.finishedAt !== undefined;
}

/** Activity-level answers: while a question is open, the operator may also cancel the whole activity. */
export function activityActions(activity: SimActivity): Array<{ id: string; displayName: string }> {
  return activity.awaitingStep && !isDone(activity) ? [CANCEL_ACTION] : [];
}

/** DoStepActionForBackgroundActivity: the parameters must be exactly those of one offered step action. */
export function answerStep(activity: SimActivity, parameters: Array<[string, string]>, now: Date): void {
  const step = requireAwaiting(activity);
  const action = step.actions.find(
    (candidate) => candidate.id === 'DoStepAction' && sameParameters(candidate.parameters, parameters),
  );
  const choice = parameters.find(([name]) => name === 'choice')?.[1];
  if (!action || choice === undefined) {
    throw validationError('InvalidStepAction', 'The parameters match no action offered by the activity');
  }
  resume(activity, step, now, `Answered: ${action.displayName}`);
  activity.pendingAnswer = choice;
  settleActivity(activity, now.getTime());
}

/** DoActionForBackgroundActivity: the only activity-level action is Cancel, offered while a question is open. */
export function doActivityAction(activity: SimActivity, actionId: string, now: Date): void {
  const step = requireAwaiting(activity);
  if (actionId !== CANCEL_ACTION.id) {
    throw validationError('InvalidAction', `The activity offers no action ${actionId}`);
  }
  resume(activity, step, now, 'Cancelled by the operator');
  activity.script.return(undefined);
  activity.cancelled = true;
  activity.finishedAt = now;
}

function requireAwaiting(activity: SimActivity): Step {
  if (isDone(activity)) throw validationError('ActivityIsFinished', `Activity ${activity.id} is already finished`);
  if (!activity.awaitingStep) {
    throw validationError('ActivityIsNotAwaitingAction', `Activity ${activity.id} is not waiting for an answer`);
  }
  return activity.awaitingStep;
}

function resume(activity: SimActivity, step: Step, now: Date, note: string): void {
  step.actions = [];
  activity.awaitingStep = undefined;
  activity.cursor = Math.max(activity.cursor, now.getTime());
  logOf(activity).info(note);
}

function settleActivity(activity: SimActivity, now: number): void {
  while (!isDone(activity) && !activity.awaitingStep && activity.cursor <= now) {
    const answer = activity.pendingAnswer;
    activity.pendingAnswer = undefined;
    const next = activity.script.next(answer);
    if (activity.cancelled) {
      activity.finishedAt = new Date(activity.cursor);
      return;
    }
    if (next.done) {
      activity.progressPercent = 100;
      activity.finishedAt = new Date(activity.cursor);
      return;
    }
    if ('wait' in next.value) activity.cursor += next.value.wait;
    else openQuestion(activity, next.value.ask);
  }
}

function openQuestion(activity: SimActivity, question: Question): void {
  const stepId = String(activity.steps.length + 1);
  const actions: StepAction[] = question.choices.map(({ choice, displayName }) => ({
    id: 'DoStepAction',
    displayName,
    parameters: [
      ['stepId', stepId],
      ['lineId', question.lineId],
      ['choice', choice],
    ],
  }));
  if (question.link) {
    actions.push({ id: 'Link', displayName: question.link.displayName, parameters: [['url', question.link.url]] });
  }
  const step: Step = { type: 'Warning', message: question.message, timeFromStartMs: elapsed(activity), actions };
  activity.steps.push(step);
  activity.awaitingStep = step;
}

function logOf(activity: SimActivity): ActivityLog {
  const add = (type: StepType) => (message: string) => {
    activity.steps.push({ type, message, timeFromStartMs: elapsed(activity), actions: [] });
  };
  return {
    info: add('Info'),
    warning: add('Warning'),
    error: add('Error'),
    success: add('Success'),
    progress: (percent) => {
      activity.progressPercent = Math.max(activity.progressPercent, Math.min(99, Math.round(percent)));
    },
    cancel: (message) => {
      add('Error')(message);
      activity.cancelled = true;
    },
  };
}

function elapsed(activity: SimActivity): number {
  return activity.cursor - activity.startedAt.getTime();
}

function sameParameters(offered: Array<[string, string]>, given: Array<[string, string]>): boolean {
  if (offered.length !== given.length) return false;
  return offered.every(([name, value]) =>
    given.some(([givenName, givenValue]) => givenName === name && givenValue === value),
  );
}
