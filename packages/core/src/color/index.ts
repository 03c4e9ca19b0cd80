/**
 * @klog-ts/core/color: the colouring klog-ts uses for text on a terminal, for tools that print klog text
 * themselves (a pretty printer for `kubectl logs`): colour records with `colorizeText`, and decide whether
 * to with `colorEnabled` (the TTY, `NO_COLOR` and `FORCE_COLOR` rules loggers follow).
 */
export { colorizeText } from './colorize-text.js';
export { colorEnabled, type ColorSetting } from './color-setting.js';
