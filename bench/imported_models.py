# SPDX-License-Identifier: MIT
# The imported-models workloads of `npm run bench` (issue 10, and issue 12's fine-tuning step):
# torchvision models with random weights (weights=None, seed 0: nothing is downloaded).
#   /usr/bin/python3 bench/imported_models.py export DIR
#       writes DIR/<name>-224.onnx (eval mode, BatchNorm folded; I1's forward) and, for TRAIN_NAMES,
#       DIR/<name>-bn-112.onnx (BatchNorm kept, TrainingMode.PRESERVE; I2's fine-tuning), opset 17, batch dynamic
#   /usr/bin/python3 bench/imported_models.py time NAME BATCH THREADS BUDGET_MS
#       times PyTorch's own forward (eval, 224×224) and prints one JSON line {"rates": [...], "peakRssBytes": n}
#   /usr/bin/python3 bench/imported_models.py train NAME BATCH THREADS BUDGET_MS
#       times PyTorch's fine-tuning step at 112×112: train mode (BatchNorm on batch statistics), dropout and
#       stochastic depth at p = 0 (the ONNX export has neither), cross-entropy, SGD with momentum 0.9
import json
import resource
import sys
import time
import warnings

import torch
import torchvision

NAMES = ["resnet18", "mobilenet_v2", "shufflenet_v2_x0_5"]  # the bench times the first two unless --models names others
SIZE = 224
TRAIN_NAMES = ["mobilenet_v2", "mobilenet_v3_small", "efficientnet_b0", "resnet18"]
TRAIN_SIZE = 112


def build(name, train=False):
    torch.manual_seed(0)
    model = getattr(torchvision.models, name)(weights=None)
    if train:
        for m in model.modules():  # what an eval-mode export leaves out, left out of the step too
            if isinstance(m, (torch.nn.Dropout, torchvision.ops.StochasticDepth)):
                m.p = 0.0
    model.eval()
    return model


def export_one(model, size, path, mode):
    x = torch.randn(1, 3, size, size)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, x, path, opset_version=17, input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "N"}, "output": {0: "N"}}, training=mode)


def export(out):
    for name in NAMES:
        export_one(build(name), SIZE, f"{out}/{name}-{SIZE}.onnx", torch.onnx.TrainingMode.EVAL)
    for name in TRAIN_NAMES:
        export_one(build(name, train=True), TRAIN_SIZE, f"{out}/{name}-bn-{TRAIN_SIZE}.onnx", torch.onnx.TrainingMode.PRESERVE)


def time_train(name, batch, threads, budget_ms):
    torch.set_num_threads(threads)
    model = build(name, train=True)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    x = torch.randn(batch, 3, TRAIN_SIZE, TRAIN_SIZE)
    y = torch.arange(batch) * 7 % 1000

    def step():
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()

    for _ in range(2):
        step()
    rates = []
    start = time.perf_counter()
    while len(rates) < 3 or (time.perf_counter() - start) * 1000 < budget_ms and len(rates) < 30:
        t0 = time.perf_counter()
        step()
        rates.append(batch / (time.perf_counter() - t0))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"rates": rates, "peakRssBytes": rss}))


def time_forward(name, batch, threads, budget_ms):
    torch.set_num_threads(threads)
    model = build(name)
    x = torch.randn(batch, 3, SIZE, SIZE)
    rates = []
    with torch.no_grad():
        for _ in range(2):
            model(x)
        start = time.perf_counter()
        while len(rates) < 3 or (time.perf_counter() - start) * 1000 < budget_ms and len(rates) < 30:
            t0 = time.perf_counter()
            model(x)
            rates.append(batch / (time.perf_counter() - t0))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"rates": rates, "peakRssBytes": rss}))


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(sys.argv[2])
    elif sys.argv[1] == "train":
        time_train(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
    else:
        time_forward(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
