/** The tool version recorded in PEX-INFO and printed by --version. Kept in step with package.json by a test. */
export const PEXSHIP_VERSION = '0.1.0';
