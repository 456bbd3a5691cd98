// SPDX-License-Identifier: MIT
// ONNX interop: exportOnnx writes a Sequential as an ONNX model, importOnnx reads one back.
export { exportOnnx, MAX_OPSET, MIN_OPSET, type OnnxExportOptions } from './export.js';
export { importOnnx, readOnnx, type OnnxImportOptions, type OnnxImportResult } from './import.js';
export type { Dim as OnnxDim } from './graph.js';
