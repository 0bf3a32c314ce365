import { graphql } from './gql/index.js';

// The customer-phone demo page's documents (see phone-api.ts), typed by `npm run codegen`.

export const BUSINESS_NUMBERS = graphql(`
  query Numbers {
    businessNumbers {
      number
      type
      queue {
        id
        name
      }
    }
  }
`);

export const PHONE_MESSAGES = graphql(`
  query Phone($phoneNumber: String!) {
    phoneMessages(phoneNumber: $phoneNumber) {
      ...PhoneMessageFields
    }
  }
`);

export const SEND_AS_CUSTOMER = graphql(`
  mutation Text($phoneNumber: String!, $businessNumber: String!, $text: String!) {
    sendAsCustomer(phoneNumber: $phoneNumber, businessNumber: $businessNumber, text: $text) {
      message {
        ...PhoneMessageFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PHONE_EVENTS = graphql(`
  subscription PhoneEvents($phoneNumber: String!) {
    phoneEvents(phoneNumber: $phoneNumber) {
      ...PhoneMessageFields
    }
  }
`);
