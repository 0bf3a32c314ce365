import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

// What a client of the contract would notice if the project's schema changed it. Names only in the
// project are fine (additions), unless they make an old query invalid: a new required argument or
// required input field. Descriptions are documentation, not contract, and are not compared.

function sameArgs(at: string, wanted: readonly GraphQLArgument[], got: readonly GraphQLArgument[]): string[] {
  const problems: string[] = [];
  for (const arg of wanted) {
    const mine = got.find((a) => a.name === arg.name);
    if (!mine) problems.push(`${at}(${arg.name}:) is missing`);
    else if (String(mine.type) !== String(arg.type))
      problems.push(`${at}(${arg.name}:) is ${String(mine.type)}, the contract says ${String(arg.type)}`);
    else if (JSON.stringify(mine.defaultValue) !== JSON.stringify(arg.defaultValue))
      problems.push(`${at}(${arg.name}:) has another default`);
  }
  for (const extra of got.filter((a) => !wanted.some((w) => w.name === a.name))) {
    if (isNonNullType(extra.type) && extra.defaultValue === undefined)
      problems.push(`${at}(${extra.name}:) is a new required argument`);
  }
  return problems;
}

type AnyField = GraphQLField<unknown, unknown> | GraphQLInputField;

function sameFields(
  name: string,
  wanted: Record<string, AnyField>,
  got: Record<string, AnyField>,
  input: boolean,
): string[] {
  const problems: string[] = [];
  for (const field of Object.values(wanted)) {
    const mine = got[field.name];
    const at = `${name}.${field.name}`;
    if (!mine) problems.push(`${at} is missing`);
    else if (String(mine.type) !== String(field.type))
      problems.push(`${at} is ${String(mine.type)}, the contract says ${String(field.type)}`);
    else if ('args' in field && 'args' in mine) problems.push(...sameArgs(at, field.args, mine.args));
  }
  if (input) {
    for (const extra of Object.values(got).filter((f) => !(f.name in wanted))) {
      const required = isNonNullType(extra.type) && (extra as GraphQLInputField).defaultValue === undefined;
      if (required) problems.push(`${name}.${extra.name} is a new required input field`);
    }
  }
  return problems;
}

const pick = <T>(fields: Record<string, T>, names?: readonly string[]): Record<string, T> =>
  names ? Object.fromEntries(Object.entries(fields).filter(([name]) => names.includes(name))) : fields;

function sameType(wanted: GraphQLNamedType, got: GraphQLNamedType | undefined, fields?: readonly string[]): string[] {
  if (!got) return [`type ${wanted.name} is missing`];
  if (got.constructor !== wanted.constructor) {
    return [`${wanted.name} is a ${got.constructor.name}, the contract says ${wanted.constructor.name}`];
  }
  if ((isObjectType(wanted) && isObjectType(got)) || (isInterfaceType(wanted) && isInterfaceType(got))) {
    const missing = wanted.getInterfaces().filter((i) => !got.getInterfaces().some((g) => g.name === i.name));
    return [
      ...(fields ? [] : missing.map((i) => `${wanted.name} no longer implements ${i.name}`)),
      ...sameFields(wanted.name, pick(wanted.getFields(), fields), got.getFields(), false),
    ];
  }
  if (isInputObjectType(wanted) && isInputObjectType(got)) {
    return sameFields(wanted.name, pick(wanted.getFields(), fields), got.getFields(), true);
  }
  if (isEnumType(wanted) && isEnumType(got)) {
    const values = wanted.getValues().filter((v) => !fields || fields.includes(v.name));
    return values.filter((v) => !got.getValue(v.name)).map((v) => `${wanted.name}.${v.name} is missing`);
  }
  if (isUnionType(wanted) && isUnionType(got)) {
    return wanted
      .getTypes()
      .filter((t) => !got.getTypes().some((g) => g.name === t.name))
      .map((t) => `${wanted.name} lost member ${t.name}`);
  }
  return [];
}

/**
 * Every difference between the contract and the project's schema, as readable lines. `only` limits
 * the comparison to parts of the contract (a later contract's parts already introduced): a type's
 * name for all of it, or `Type.field` (or `Enum.VALUE`) for one member.
 */
export function contractDifferences(
  contract: GraphQLSchema,
  project: GraphQLSchema,
  only?: readonly string[],
): string[] {
  const types = Object.values(contract.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  if (!only) return types.flatMap((t) => sameType(t, project.getType(t.name)));
  return types.flatMap((t) => {
    if (only.includes(t.name)) return sameType(t, project.getType(t.name));
    const members = only.filter((c) => c.startsWith(`${t.name}.`)).map((c) => c.slice(t.name.length + 1));
    return members.length > 0 ? sameType(t, project.getType(t.name), members) : [];
  });
}
