import { createGraphQLError, type Plugin } from 'graphql-yoga';

// GraphQL's own input errors (a variable of the wrong type, an Int over 32 bits, an unknown enum
// value) carry no code. They get BAD_USER_INPUT here, naming the variable as the argument, like
// the checks of services/arguments.ts, so a client handles every bad argument one way.

const VARIABLE = /^Variable "\$([A-Za-z_]\w*)" (?:got invalid value|of required type|of non-null type)/;
const LITERAL = /cannot represent|Expected value of type|does not exist in "\w+" enum|Expected type/;

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
  locations?: readonly { line: number; column: number }[];
}

function coded(error: ErrorLike): ErrorLike {
  const variable = VARIABLE.exec(error.message)?.[1];
  if (error.extensions?.code && (error.extensions.code !== 'BAD_USER_INPUT' || !variable || error.extensions.argument))
    return error;
  if (!variable && !LITERAL.test(error.message)) return error;
  return createGraphQLError(error.message, {
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', ...(variable ? { argument: variable } : {}) },
  }) as unknown as ErrorLike;
}

function recode<T extends { errors?: readonly unknown[] }>(result: T, set: (r: T) => void): void {
  if (!result.errors?.length) return;
  set({ ...result, errors: (result.errors as ErrorLike[]).map(coded) });
}

export function useInputErrorCodes(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length) setResult((result as ErrorLike[]).map(coded));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!(Symbol.asyncIterator in (result as object)))
            recode(result as { errors?: unknown[] }, setResult as never);
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if (!(Symbol.asyncIterator in (result as object)))
            recode(result as { errors?: unknown[] }, setResult as never);
        },
      };
    },
  };
}
