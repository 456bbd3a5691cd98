// SPDX-License-Identifier: MIT
// (Worker) One uploaded image prepared exactly as the image folder's training images were: decoded
// by the browser (image-folder.ts decode), made gray or RGB and resized with core's image-ops
// (shorter side to the size, centre crop), then normalised per channel with the training split's
// mean and std by ImageDataset.fromBytes, the code the folder's own images went through.
import { ImageDataset, resizeAndCrop, toPlanes, type Tensor } from 'nabla';
import { decode } from './image-folder.js';

/** The model input [1, C, H, W] for an uploaded PNG or JPEG; the error names the file when the browser cannot decode it. */
export async function uploadedImageInput(bytes: Uint8Array, name: string, data: ImageDataset): Promise<Tensor> {
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
  return one.head(1);
}
