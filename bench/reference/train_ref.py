#!/ usr / bin / python3
"""Reference trainer for bench_train's speed comparison: Visor's class_cnn (same layers, same
initialisation) trained with PyTorch 1.13 (Debian python3-torch) on the same images, batch size and
augmentation (bench/reference/augment_ref.py at the spec defaults). Prints "images_per_second <value>".

    /usr/bin/python3 bench/reference/train_ref.py FOLDER [--steps 60] [--batch 10] [--threads 2]
        [--depth 3] [--width 20] [--channels 1]

FOLDER holds image_XXXX.png, already at the network's input scale, and labels.txt (one class index a line).
"""
import argparse
import os
import random
import sys
import time

import torch
import torch.nn as nn
from torchvision.io import ImageReadMode, read_image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from augment_ref import augment  # noqa: E402


class ClassCnn(nn.Module):
    def __init__(self, channels, classes, depth, width):
        super().__init__()
        layers, inp = [], channels
        for i in range(depth):
            out = min(512, width << i)
            layers += [nn.Conv2d(inp, out, 3, padding=1, bias=False), nn.BatchNorm2d(out), nn.ReLU(inplace=True),
                       nn.Conv2d(out, out, 3, padding=1, bias=False), nn.BatchNorm2d(out), nn.ReLU(inplace=True),
                       nn.MaxPool2d(2, ceil_mode=True)]
            inp = out
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(inp, classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

    def forward(self, x):
        return self.classifier(self.features(x).mean((2, 3)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--width", type=int, default=20)
    parser.add_argument("--channels", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    mode = ImageReadMode.GRAY if args.channels == 1 else ImageReadMode.RGB
    names = sorted(f for f in os.listdir(args.folder) if f.endswith(".png"))
    images = [read_image(os.path.join(args.folder, f), mode) for f in names]
    with open(os.path.join(args.folder, "labels.txt")) as f:
        labels = [int(line) for line in f]
    classes = max(labels) + 1
    model = ClassCnn(args.channels, classes, args.depth, args.width)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    rng = random.Random(1)
    mean = torch.tensor(114.8) if args.channels == 1 else torch.tensor([103.939, 116.779, 123.68]).view(1, 3, 1, 1)

    def step():
        idx = [rng.randrange(len(images)) for _ in range(args.batch)]
        batch = [augment(images[i], [], rng)[0] for i in idx]
        h = max(b.shape[1] for b in batch)
        w = max(b.shape[2] for b in batch)
        x = torch.zeros(len(batch), args.channels, h, w)
        for k, b in enumerate(batch):
            x[k, :, :b.shape[1], :b.shape[2]] = b.float()
        x -= mean
        y = torch.tensor([labels[i] for i in idx])
        loss = nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()

    model.train()
    for _ in range(5):  # warm-up
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    elapsed = time.perf_counter() - start
    print("images_per_second %.2f" % (args.steps * args.batch / elapsed))


if __name__ == "__main__":
    main()
