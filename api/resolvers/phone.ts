import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { requirePhoneAccess } from '../auth/caller.js';
import { rejected, userErrorOf } from '../services/result.js';

// The demo customer phone: served (without a token) only while a CustomerPhone is injected, i.e.
// while the carrier simulator is on. Texts go through the phone, never straight to a workflow.

const MAX_CUSTOMER_TEXT = 1000;
const PHONE = /^\+?\d{3,15}$/;

export const phoneQueries: QueryResolvers = {
  phoneMessages: (_p, { phoneNumber }, ctx) => requirePhoneAccess(ctx.services.phone).messages(phoneNumber),
};

export const phoneMutations: MutationResolvers = {
  async sendAsCustomer(_p, { phoneNumber, businessNumber, text }, ctx) {
    const phone = requirePhoneAccess(ctx.services.phone);
    const problem = !PHONE.test(phoneNumber)
      ? rejected('INVALID_INPUT', 'A phone number is digits with an optional leading +.', 'phoneNumber')
      : !ctx.services.directory.number(businessNumber)
        ? rejected('NOT_FOUND', `No business number '${businessNumber}'.`, 'businessNumber')
        : text.trim() === '' || [...text].length > MAX_CUSTOMER_TEXT
          ? rejected('INVALID_INPUT', `A text is 1 to ${MAX_CUSTOMER_TEXT} characters.`, 'text')
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
