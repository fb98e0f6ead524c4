import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from "node:http";
import type { Duplex } from "node:stream";
import { errorBody } from "./errors.ts";

/** Node's own limit of request head (request line + headers) size, bytes (`--max-http-header-size`). */
export const MAX_REQUEST_HEAD_BYTES = 16 * 1024;

/**
 * Requests Node refuses before the app sees them (head over 16 KiB → 431, a malformed request
 * line such as a raw backslash or control character in the path → 400) get the same JSON error
 * body as every other answer instead of Node's bare status line.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || err.code === "ECONNRESET") return socket.destroy();
    const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
    const body = JSON.stringify(
      tooLarge
        ? errorBody(
            "request_too_large",
            `the request line and headers are larger than ${MAX_REQUEST_HEAD_BYTES} bytes`,
          )
        : errorBody(
            "invalid_request",
            "malformed HTTP request (check the path for spaces, backslashes or control characters)",
          ),
    );
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

/** A JSON 400 for a request the adapter would refuse with an empty body. */
function refuse(res: ServerResponse, message: string): void {
  const body = JSON.stringify(errorBody("invalid_request", message));
  res.writeHead(400, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * `createServer` for `@hono/node-server`'s `serve`: the adapter answers a raw backslash in the path
 * (and a path not starting with `/`) with an empty 400; this answers them with the JSON error shape
 * before the adapter sees them.
 */
export function createJsonErrorServer(options: ServerOptions, listener: RequestListener): Server {
  return createServer(options, (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "";
    const path = url.split("?")[0] ?? "";
    if (path.includes("\\")) return refuse(res, "malformed path: a raw backslash; escape it as %5C");
    if (!url.startsWith("/") && !/^https?:\/\//i.test(url)) return refuse(res, "malformed request target");
    return listener(req, res);
  });
}
