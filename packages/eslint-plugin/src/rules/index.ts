import contextual from './contextual.js';
import deprecations from './deprecations.js';
import inheritedStringer from './inherited-stringer.js';
import keyNaming from './key-naming.js';
import kvPairs from './kv-pairs.js';
import messageStyle from './message-style.js';
import noSecretLogging from './no-secret-logging.js';
import preferKobj from './prefer-kobj.js';
import structured from './structured.js';
import verbosity from './verbosity.js';

/** Every rule of the plugin, by name (the names are a public contract). */
export const rules = {
  contextual,
  deprecations,
  'inherited-stringer': inheritedStringer,
  'key-naming': keyNaming,
  'kv-pairs': kvPairs,
  'message-style': messageStyle,
  'no-secret-logging': noSecretLogging,
  'prefer-kobj': preferKobj,
  structured,
  verbosity,
};
