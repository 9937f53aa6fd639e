import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  MetadataProblem,
  MetadataStore,
  PYTHON_IDENTIFIER,
  Provider,
  canonicalExtras,
  fileForUrl,
  identifierOf
} from "./chunk-XBNT6ECT.js";
import "./chunk-JGUVN7JE.js";
import "./chunk-ZU7UPI3D.js";
import "./chunk-6J3BLQ7R.js";
import "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";
export {
  MetadataProblem,
  MetadataStore,
  PYTHON_IDENTIFIER,
  Provider,
  canonicalExtras,
  fileForUrl,
  identifierOf
};
