# SPDX-License-Identifier: MIT
"""PyTorch's side of the workloads (bench/workloads.ts has the definitions): one workload at a
given thread count, timed like the JS runners, printed as one JSON line. Started by bench/run.ts:
    /usr/bin/python3 bench/torch_bench.py <workload> <threads> [--quick]
"""
import json
import resource
import sys
import time

import torch
from torch import nn

WORKLOADS = {
    'G1-256': ('GFLOP/s', 256), 'G1-512': ('GFLOP/s', 512), 'G1-1024': ('GFLOP/s', 1024),
    'W1': ('samples/s', 128), 'W2': ('samples/s', 64), 'W3': ('samples/s', 128), 'W4': ('samples/s', 256), 'W5': ('samples/s', 32),
    'W6': ('samples/s', 32),
}


def plan(quick):
    """Same as timingPlan() in workloads.ts."""
    if quick:
        return dict(warmup=1, min_reps=3, max_reps=10, budget_s=0.6)
    return dict(warmup=2, min_reps=5, max_reps=30, budget_s=2.5)


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


class BasicBlock(nn.Module):
    """torchvision's basic block, as src/train/presets-residual.ts builds it."""

    def __init__(self, in_c, out_c, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(in_c, out_c, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_c)
        self.relu = nn.ReLU()
        self.conv2 = nn.Conv2d(out_c, out_c, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_c)
        self.downsample = None
        if stride != 1 or in_c != out_c:
            self.downsample = nn.Sequential(nn.Conv2d(in_c, out_c, 1, stride, 0, bias=False), nn.BatchNorm2d(out_c))

    def forward(self, x):
        y = self.bn2(self.conv2(self.relu(self.bn1(self.conv1(x)))))
        return torch.relu(y + (x if self.downsample is None else self.downsample(x)))


def resnet(widths=(32, 64, 128), classes=10):
    """The `resnet` preset (W5): 3×3 stem, one basic block per stage, global average pooling."""
    layers = [nn.Conv2d(1, widths[0], 3, 1, 1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU()]
    channels = widths[0]
    for stage, width in enumerate(widths):
        layers.append(BasicBlock(channels, width, 1 if stage == 0 else 2))
        channels = width
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, classes)]
    return nn.Sequential(*layers)


def conv_bn_relu(in_c, out_c):
    return nn.Sequential(nn.Conv2d(in_c, out_c, 3, padding=1), nn.BatchNorm2d(out_c), nn.ReLU())


class UNet(nn.Module):
    """examples/unet/unet.ts's unetSpec(width, classes, 'transposed') (W6): two down-steps, two
    ConvTranspose2d up-steps, skip connections joined by torch.cat on the channels."""

    def __init__(self, width=16, classes=3):
        super().__init__()
        w = width
        self.enc1, self.enc2, self.bottom = conv_bn_relu(1, w), conv_bn_relu(w, 2 * w), conv_bn_relu(2 * w, 4 * w)
        self.pool = nn.MaxPool2d(2)
        self.up2, self.dec2 = nn.ConvTranspose2d(4 * w, 2 * w, 2, stride=2), conv_bn_relu(4 * w, 2 * w)
        self.up1, self.dec1 = nn.ConvTranspose2d(2 * w, w, 2, stride=2), conv_bn_relu(2 * w, w)
        self.head = nn.Conv2d(w, classes, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        b = self.bottom(self.pool(e2))
        d2 = self.dec2(torch.cat([self.up2(b), e2], 1))
        d1 = self.dec1(torch.cat([self.up1(d2), e1], 1))
        return self.head(d1)


def make_step(key):
    g = torch.Generator().manual_seed(4)
    torch.manual_seed(4)
    if key.startswith('G1'):
        n = WORKLOADS[key][1]
        a, b = torch.randn(n, n, generator=g), torch.randn(n, n, generator=g)
        out = torch.empty(n, n)
        return lambda: torch.mm(a, b, out=out)
    batch = WORKLOADS[key][1]
    if key == 'W1':
        model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10))
        x = torch.randn(batch, 784, generator=g)
    elif key == 'W3':
        model = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(9216, 128), nn.ReLU(), nn.Linear(128, 10))
        x = torch.randn(batch, 1, 28, 28, generator=g)
    elif key == 'W5':
        model = resnet()
        x = torch.randn(batch, 1, 28, 28, generator=g)
    elif key == 'W6':
        model = UNet()
        x = torch.randn(batch, 1, 28, 28, generator=g)
    else:
        model = lenet5()
        x = torch.randn(batch, 1, 28, 28, generator=g)
    if key == 'W4':
        model.eval()

        def infer():
            with torch.no_grad():
                model(x)
        return infer
    targets = torch.randint(0, 3, (batch, 28, 28), generator=g) if key == 'W6' else torch.randint(0, 10, (batch,), generator=g)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    def train():
        optimizer.zero_grad()
        loss_fn(model(x), targets).backward()
        optimizer.step()
    return train


def main():
    key, threads = sys.argv[1], int(sys.argv[2])
    p = plan('--quick' in sys.argv)
    torch.set_num_threads(threads)
    unit, size = WORKLOADS[key]
    items = 2 * size ** 3 / 1e9 if key.startswith('G1') else size
    step = make_step(key)
    warmup = 0.0
    for _ in range(p['warmup']):
        t0 = time.perf_counter()
        step()
        warmup = time.perf_counter() - t0
    rates = []
    start = time.perf_counter()
    min_reps = 1 if warmup > p['budget_s'] else p['min_reps']
    while len(rates) < p['max_reps'] and (len(rates) < min_reps or time.perf_counter() - start < p['budget_s']):
        t0 = time.perf_counter()
        step()
        rates.append(items / (time.perf_counter() - t0))
    s = sorted(rates)
    mid = len(s) // 2
    med = s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
    print(json.dumps({
        'engine': f'torch-{threads}t', 'workload': key, 'unit': unit, 'rates': rates, 'median': med,
        'min': s[0], 'max': s[-1], 'peakRssBytes': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        'torch': torch.__version__,
    }))


main()
