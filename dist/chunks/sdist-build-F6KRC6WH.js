import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  buildWheelFromSdist,
  findInterpreterFor
} from "./chunk-PDE73SRJ.js";
import "./chunk-6J3BLQ7R.js";
import "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";
export {
  buildWheelFromSdist,
  findInterpreterFor
};
