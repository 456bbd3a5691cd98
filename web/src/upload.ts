// SPDX-License-Identifier: MIT
// (Worker) One uploaded image prepared exactly as the image folder's training images were: decoded
// by the browser (image-folder.ts decode), made gray or RGB and resized with core's image-ops
// (shorter side to the size, centre crop), then normalised per channel with the training split's
// mean and std by ImageDataset.fromBytes, the code the folder's own images went through.
import { ImageDataset, resizeAndCrop, toPlanes, type Tensor } from 'nabla';
import { decode } from './image-folder.js';

export interface PreparedUpload {
  /** The model input [1, C, H, W]. */
  x: Tensor;
  /** What the model sees, H×W RGBA bytes (gray repeated for one channel), for the page's preview. */
  seen: { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> };
}

/** The model input for an uploaded PNG or JPEG and its preview; the error names the file when the browser cannot decode it. */
export async function uploadedImageInput(bytes: Uint8Array, name: string, data: ImageDataset): Promise<PreparedUpload> {
  const [C, H, W] = data.imageShape;
  if (H !== W || (C !== 1 && C !== 3)) throw new Error(`${name}: the model takes [${data.imageShape.join(', ')}] inputs, not square gray or RGB images`);
  let image;
  try {
    image = await decode(bytes);
  } catch (err) {
    throw new Error(`${name}: the browser cannot decode it as an image (${(err as Error).message || (err as Error).name})`);
  }
  const pixels = resizeAndCrop(toPlanes(image, C), H).data;
  const one = ImageDataset.fromBytes(pixels, [0], { name, imageShape: [C, H, W], numClasses: data.numClasses, mean: data.channelMean, std: data.channelStd });
  const rgba = new Uint8ClampedArray(4 * H * W);
  for (let i = 0; i < H * W; i++) {
    for (let k = 0; k < 3; k++) rgba[4 * i + k] = pixels[(C === 1 ? 0 : k) * H * W + i];
    rgba[4 * i + 3] = 255;
  }
  return { x: one.head(1), seen: { width: W, height: H, rgba } };
}
