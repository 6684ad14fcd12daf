import { saveAccountPlan } from '../../keystone/account/index.ts';
import { saveAccountPlanParametersSchema } from '../../contracts/save-account-plan.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'save_account_plan',
  { parameters: saveAccountPlanParametersSchema },
  (parameters, { client, objectTypes, now }) => saveAccountPlan(client, objectTypes, { ...parameters, now }),
);
