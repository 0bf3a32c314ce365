import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Conversations are listed from Temporal visibility (the `conversations` query), so every field
// an integrator filters on is a search attribute. `SbInstance` keeps deployments (and test runs)
// that share one namespace apart.
export const SB_INSTANCE = defineSearchAttributeKey('SbInstance', SearchAttributeType.KEYWORD);
export const SB_STATUS = defineSearchAttributeKey('SbStatus', SearchAttributeType.KEYWORD);
export const SB_QUEUE = defineSearchAttributeKey('SbQueue', SearchAttributeType.KEYWORD);
export const SB_OWNER = defineSearchAttributeKey('SbOwner', SearchAttributeType.KEYWORD);
export const SB_CUSTOMER = defineSearchAttributeKey('SbCustomer', SearchAttributeType.KEYWORD);
export const SB_BUSINESS = defineSearchAttributeKey('SbBusiness', SearchAttributeType.KEYWORD);

export const ALL_SEARCH_ATTRIBUTES = [SB_INSTANCE, SB_STATUS, SB_QUEUE, SB_OWNER, SB_CUSTOMER, SB_BUSINESS];
