import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  BUILD_FLAGS,
  dependencyOptionsFrom,
  formatOptionsFrom,
  indexOptionsFrom,
  networkOptionsFrom,
  run
} from "./chunk-7C33TZDD.js";
import "./chunk-J35VWGTQ.js";
import "./chunk-V56NK2RW.js";
import "./chunk-MFSRE2QT.js";
import "./chunk-DSX57ZEM.js";
import "./chunk-R772ELZX.js";
import "./chunk-4L2USVG7.js";
import "./chunk-6AH2WM7T.js";
import "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";
export {
  BUILD_FLAGS,
  dependencyOptionsFrom,
  formatOptionsFrom,
  indexOptionsFrom,
  networkOptionsFrom,
  run
};
