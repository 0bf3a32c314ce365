import { describe, expect, it } from 'vitest';
import { classifyKeyword, isOptIn, isOptOut } from '../../../workflows/domain/keywords.js';

describe('classifyKeyword', () => {
  it('knows every opt-out word', () => {
    for (const w of [
      'STOP',
      'STOPALL',
      'STOP ALL',
      'UNSUBSCRIBE',
      'CANCEL',
      'END',
      'QUIT',
      'OPTOUT',
      'OPT OUT',
      'OPT-OUT',
      'REVOKE',
    ]) {
      expect(classifyKeyword(w)).toBe('STOP');
    }
  });

  it('knows every opt-in and help word', () => {
    for (const w of ['START', 'YES', 'UNSTOP', 'SUBSCRIBE']) expect(classifyKeyword(w)).toBe('START');
    for (const w of ['HELP', 'INFO']) expect(classifyKeyword(w)).toBe('HELP');
  });

  it('forgives case, spacing, a trailing full stop and quotes', () => {
    expect(classifyKeyword('  stop ')).toBe('STOP');
    expect(classifyKeyword('Stop.')).toBe('STOP');
    expect(classifyKeyword('STOP!!')).toBe('STOP');
    expect(classifyKeyword('"stop"')).toBe('STOP');
    expect(classifyKeyword('opt   out')).toBe('STOP');
    expect(classifyKeyword('\nHelp\n')).toBe('HELP');
    expect(classifyKeyword('ＳＴＯＰ')).toBe('STOP'); // full-width keyboard
  });

  it('only matches the whole message', () => {
    expect(classifyKeyword('stop by the store later')).toBeNull();
    expect(classifyKeyword('please stop')).toBeNull();
    expect(classifyKeyword('yes please')).toBeNull();
    expect(classifyKeyword('STOPP')).toBeNull();
    expect(classifyKeyword('stop?')).toBeNull(); // a question is for an agent
    expect(classifyKeyword('')).toBeNull();
  });

  it('has boolean helpers', () => {
    expect(isOptOut('quit')).toBe(true);
    expect(isOptOut('help')).toBe(false);
    expect(isOptIn('unstop')).toBe(true);
  });
});
