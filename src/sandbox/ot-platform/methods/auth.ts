import { notFound, SimError } from '../wire';
import type { SessionRecord, World } from '../world';
import { type MethodCall, requiredParam, type SimMethod } from './method';

// Log-ins. Wrong credentials: OT's code for them is not public; the simulator answers AccessDenied.

export const AUTH_METHODS: Record<string, SimMethod> = {
  AuthenticateInstanceOperator: {
    answer: 'SessionIdAnswer',
    session: 'none',
    handle(call) {
      const { login, password } = call.world.operator;
      if (requiredParam(call, 'userLogin') !== login || requiredParam(call, 'userPassword') !== password) {
        throw wrongCredentials();
      }
      return { SessionId: { Value: openSession(call, 'operator').id } };
    },
  },

  Authenticate: {
    answer: 'AuthenticateAnswer',
    session: 'none',
    handle(call) {
      const customer = call.world.customerByLogin(requiredParam(call, 'userLogin'));
      if (!customer || customer.password !== requiredParam(call, 'userPassword')) throw wrongCredentials();
      return { SessionId: openSession(call, 'customer', customer.id).id };
    },
  },

  AuthenticateAsUser: {
    answer: 'AuthenticateAsUserAnswer',
    session: 'operator',
    handle(call) {
      const login = requiredParam(call, 'userLogin');
      const customer = call.world.customerByLogin(login);
      if (!customer) throw notFound('User', `User ${login} was not found`);
      return { SessionId: openSession(call, 'customer', customer.id).id };
    },
  },
};

/** The session a request names, if it exists and has not expired; an expired one is forgotten. */
export function findSession(world: World, sessionId: string | undefined, now: Date): SessionRecord | undefined {
  const session = sessionId ? world.sessions.get(sessionId) : undefined;
  if (!session) return undefined;
  if (session.expiresAt.getTime() > now.getTime()) return session;
  world.sessions.delete(session.id);
  return undefined;
}

function openSession(call: MethodCall, kind: SessionRecord['kind'], customerId?: string): SessionRecord {
  const { world, now } = call;
  const session: SessionRecord = {
    id: world.random.guid(),
    kind,
    customerId,
    expiresAt: new Date(now.getTime() + world.timings.sessionMs),
  };
  world.sessions.set(session.id, session);
  return session;
}

function wrongCredentials(): SimError {
  return new SimError('AccessDenied', 'IncorrectLoginOrPassword', 'Incorrect login or password');
}
