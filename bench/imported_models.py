# SPDX-License-Identifier: MIT
# The imported-models workload of `npm run bench` (issue 10): torchvision's resnet18 and
# mobilenet_v2 with random weights (weights=None, seed 0: nothing is downloaded), in eval mode at
# 224×224.
#   /usr/bin/python3 bench/imported_models.py export DIR     writes DIR/<name>-224.onnx (opset 17, batch dynamic)
#   /usr/bin/python3 bench/imported_models.py time NAME BATCH THREADS BUDGET_MS
#       times PyTorch's own forward and prints one JSON line {"rates": [...], "peakRssBytes": n}
import json
import resource
import sys
import time
import warnings

import torch
import torchvision

NAMES = ["resnet18", "mobilenet_v2", "shufflenet_v2_x0_5"]  # the bench times the first two unless --models names others
SIZE = 224


def build(name):
    torch.manual_seed(0)
    model = getattr(torchvision.models, name)(weights=None)
    model.eval()
    return model


def export(out):
    for name in NAMES:
        model = build(name)
        x = torch.randn(1, 3, SIZE, SIZE)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, x, f"{out}/{name}-224.onnx", opset_version=17, input_names=["input"],
                              output_names=["output"], dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})


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
    else:
        time_forward(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
