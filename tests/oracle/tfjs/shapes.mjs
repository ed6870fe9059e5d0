// convdims's TF.js oracle: read a JSON list of cases on stdin, run each op of
// @tensorflow/tfjs-core on the CPU backend on zeros, print one JSON list back: for each
// case {"shape": [...]} or {"error": "..."}. One node process answers every case.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

const OPS = {
  conv1d: (c) => tf.conv1d(tf.zeros(c.x), tf.zeros(c.filter), c.strides, c.pad,
                           'NWC', c.dilations, c.dimRoundingMode),
  conv2d: (c) => tf.conv2d(tf.zeros(c.x), tf.zeros(c.filter), c.strides, c.pad,
                           'NHWC', c.dilations, c.dimRoundingMode),
  conv3d: (c) => tf.conv3d(tf.zeros(c.x), tf.zeros(c.filter), c.strides, c.pad,
                           'NDHWC', c.dilations),
  maxPool: (c) => tf.maxPool(tf.zeros(c.x), c.filterSize, c.strides, c.pad,
                             c.dimRoundingMode),
  avgPool: (c) => tf.avgPool(tf.zeros(c.x), c.filterSize, c.strides, c.pad,
                             c.dimRoundingMode),
  maxPool3d: (c) => tf.maxPool3d(tf.zeros(c.x), c.filterSize, c.strides, c.pad,
                                 c.dimRoundingMode),
  avgPool3d: (c) => tf.avgPool3d(tf.zeros(c.x), c.filterSize, c.strides, c.pad,
                                 c.dimRoundingMode),
  conv2dTranspose: (c) => tf.conv2dTranspose(tf.zeros(c.x), tf.zeros(c.filter),
                                             c.outputShape, c.strides, c.pad,
                                             c.dimRoundingMode),
  conv3dTranspose: (c) => tf.conv3dTranspose(tf.zeros(c.x), tf.zeros(c.filter),
                                             c.outputShape, c.strides, c.pad),
};

function run(c) {
  try {
    const shape = tf.tidy(() => {
      const y = OPS[c.op](c);
      y.dataSync(); // run the kernel, not only the shape function
      return y.shape;
    });
    return {shape};
  } catch (error) {
    return {error: String(error && error.message || error)};
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const answers = JSON.parse(input).map(run);
  process.stdout.write(JSON.stringify({version: tf.version_core, answers}));
});
