import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { requirePhoneAccess } from '../auth/caller.js';
import { rejected } from '../../workflows/domain/result.js';
import { isSendableText, MAX_MESSAGE_LENGTH } from '../../workflows/domain/limits.js';
import { isTypedNumber } from '../../workflows/domain/phone-numbers.js';
import { userErrorOf } from '../services/result.js';

// The demo customer phone: served (without a token) only while a CustomerPhone is injected, i.e.
// while the carrier simulator is on. Texts go through the phone, never straight to a workflow.

export const phoneQueries: QueryResolvers = {
  phoneMessages: (_p, { phoneNumber }, ctx) => requirePhoneAccess(ctx.services.phone).messages(phoneNumber),
};

export const phoneMutations: MutationResolvers = {
  async sendAsCustomer(_p, { phoneNumber, businessNumber, text }, ctx) {
    const phone = requirePhoneAccess(ctx.services.phone);
    const problem = !isTypedNumber(phoneNumber)
      ? rejected('INVALID_INPUT', 'A phone number is digits with an optional leading +.', 'phoneNumber')
      : !ctx.services.directory.number(businessNumber)
        ? rejected('NOT_FOUND', `No business number '${businessNumber}'.`, 'businessNumber')
        : !isSendableText(text)
          ? rejected('INVALID_INPUT', `A text is 1 to ${MAX_MESSAGE_LENGTH} characters.`, 'text')
          : undefined;
    if (problem && !problem.ok) return { message: null, userErrors: [problem.error] };
    try {
      return { message: await phone.send({ phoneNumber, businessNumber, text }), userErrors: [] };
    } catch (error) {
      const userError = userErrorOf(error);
      if (!userError) throw error;
      return { message: null, userErrors: [userError] };
    }
  },
};
