// Resolves to the local-only functions in the local stage and to nothing in any other stage.
const { readFileSync } = require('node:fs');
const path = require('node:path');

module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  if (stage !== 'local') return {};
  const yaml = require('js-yaml');
  return yaml.load(readFileSync(path.join(__dirname, 'local-functions.yml'), 'utf8'));
};
