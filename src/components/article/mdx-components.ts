/**
 * Components an article's MDX can use without importing them. Islands are
 * wrapped in an .astro block so their hydration directive lives in one place.
 */
import Callout from './Callout.astro';
import OrderPaths from './OrderPaths.astro';
import RiskFactorList from './RiskFactorList.astro';
import Step from './Step.astro';
import Steps from './Steps.astro';
import SymptomList from './SymptomList.astro';
import SymptomCheckerBlock from '../symptom-checker/SymptomCheckerBlock.astro';
import PasswordMeterBlock from '../password-meter/PasswordMeterBlock.astro';
import ChecklistBlock from '../checklist/ChecklistBlock.astro';

export const articleComponents = {
  Callout,
  ChecklistBlock,
  OrderPaths,
  PasswordMeterBlock,
  RiskFactorList,
  Step,
  Steps,
  SymptomList,
  SymptomCheckerBlock,
};
