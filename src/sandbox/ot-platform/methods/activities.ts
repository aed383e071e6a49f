import { ACTIVITY_TYPES, answerStep, doActivityAction, type SimActivity } from '../activities/engine';
import { presentActivity } from '../present';
import { childNodes, childTexts, notFound, readXmlParameter, textOf, type XmlNode } from '../wire';
import { type MethodCall, requiredParam, type SimMethod } from './method';

const KNOWN_TYPES = new Set<string>(Object.values(ACTIVITY_TYPES));

export const ACTIVITY_METHODS: Record<string, SimMethod> = {
  SearchBackgroundActivities: {
    answer: 'BackgroundActivityInfoListAnswer',
    session: 'operator',
    handle(call) {
      const search = readXmlParameter(
        'xmlSearchParameters',
        call.params.xmlSearchParameters,
        'BackgroundActivitySearchParameters',
      );
      const types = new Set(childTexts(search, 'Types'));
      const activities = call.board.list().filter((activity) => types.size === 0 || types.has(activity.type));
      return {
        Result: { Content: { Item: activities.map((activity) => presentActivity(activity, call.now, false)) } },
      };
    },
  },

  GetBackgroundActivityInfo: {
    answer: 'BackgroundActivityFullInfoAnswer',
    session: 'operator',
    handle: (call) => ({ Result: presentActivity(findActivity(call), call.now, true) }),
  },

  DoActionForBackgroundActivity: {
    answer: 'VoidOtapiAnswer',
    session: 'operator',
    handle(call) {
      doActivityAction(findActivity(call), requiredParam(call, 'actionId'), call.now);
      return undefined;
    },
  },

  DoStepActionForBackgroundActivity: {
    answer: 'VoidOtapiAnswer',
    session: 'operator',
    handle(call) {
      const xml = readXmlParameter('xmlParameters', call.params.xmlParameters, 'NamedParameters');
      const parameters = childNodes({ list: xml }, 'list').map((node): [string, string] => [
        textOf((node as XmlNode)['@Name']),
        textOf(node),
      ]);
      answerStep(findActivity(call), parameters, call.now);
      return undefined;
    },
  },
};

function findActivity(call: MethodCall): SimActivity {
  const type = requiredParam(call, 'activityType');
  const id = requiredParam(call, 'activityId');
  const activity = KNOWN_TYPES.has(type) ? call.board.find(type, id) : undefined;
  if (!activity) throw notFound('BackgroundActivity', `Background activity ${type} ${id} was not found`);
  return activity;
}
