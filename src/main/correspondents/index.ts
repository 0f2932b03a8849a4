export { creditCorrespondents, type CreditSources } from './credit-correspondents'
export { namesInByline } from './clean-byline'
export { kindOf } from './kind-of'
export { agenciesInDateline } from './wire-dateline'
