import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  BUILD_FLAGS,
  indexOptionsFrom,
  networkOptionsFrom,
  run
} from "./chunk-ZVU4VJ5T.js";
import "./chunk-HFXETQAA.js";
import "./chunk-QQ4KNCAK.js";
import "./chunk-3SVUBWAM.js";
import "./chunk-DSX57ZEM.js";
import "./chunk-J6UZUWTP.js";
import "./chunk-Y3NR5E7M.js";
import "./chunk-UOGXR73H.js";
export {
  BUILD_FLAGS,
  indexOptionsFrom,
  networkOptionsFrom,
  run
};
