import { saveAccountPlan } from '../../keystone/account/index.ts';
import { saveAccountPlanParametersSchema } from '../../contracts/registry.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(saveAccountPlanParametersSchema, (parameters, { client, objectTypes, now }) => saveAccountPlan(client, objectTypes, { ...parameters, now }));
