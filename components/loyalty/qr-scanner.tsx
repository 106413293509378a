"use client";

import { useEffect, useRef, useState } from "react";

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function cameraAvailable(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getUserMedia === "function";
}

/**
 * Decodes one video frame: the browser's BarcodeDetector where it exists (fast, native), else
 * jsQR on the frame's pixels, so scanning works in every browser with a camera. jsQR is loaded
 * when scanning starts, not with the page.
 */
async function frameDecoder(): Promise<(video: HTMLVideoElement) => Promise<string | null>> {
  const Native = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  if (Native) {
    const detector = new Native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video).catch(() => []))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  return async (video) => {
    const { videoWidth: width, videoHeight: height } = video;
    if (!width || !height) return null;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0, width, height);
    const image = context.getImageData(0, 0, width, height);
    return jsQR(image.data, width, height, { inversionAttempts: "dontInvert" })?.data ?? null;
  };
}

/**
 * Reads a card's QR code with the device camera and submits what it read as the terminal's
 * search (the button sits inside the search form). Without a camera (or permission) it says so
 * and the typed search still works.
 */
export function QrScanner({ labels, fieldName = "q" }: { labels: { scan: string; stop: string; unsupported: string; denied: string }; fieldName?: string }) {
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!scanning || !cameraAvailable()) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const decoding = frameDecoder();
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then(async (s) => {
        const decode = await decoding;
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        let busy = false;
        timer = setInterval(async () => {
          if (busy || !video.current) return;
          busy = true;
          const value = await decode(video.current);
          busy = false;
          if (!value || stopped) return;
          const form = button.current?.form;
          const input = form?.elements.namedItem(fieldName);
          if (form && input instanceof HTMLInputElement) {
            stopped = true;
            input.value = value;
            setScanning(false);
            form.requestSubmit();
          }
        }, 250);
      })
      .catch(() => {
        setProblem(labels.denied);
        setScanning(false);
      });
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [scanning, labels.denied, fieldName]);

  return (
    <div className="flex flex-col gap-2">
      <button
        ref={button}
        type="button"
        onClick={() => {
          if (!cameraAvailable()) {
            setProblem(labels.unsupported);
            return;
          }
          setProblem(null);
          setScanning((s) => !s);
        }}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium"
      >
        {scanning ? labels.stop : labels.scan}
      </button>
      {scanning && <video ref={video} muted playsInline className="w-full max-w-xs rounded-md border border-slate-300" />}
      {problem && (
        <p role="alert" className="text-sm text-amber-900">
          {problem}
        </p>
      )}
    </div>
  );
}
