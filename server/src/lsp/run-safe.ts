import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

/**
 * Runs a request handler so that no bug can take the server down: cancellation is honoured
 * before and after the work, exceptions are logged and answered with `errorValue`.
 */
export function runSafe<T>(connection: Connection, fn: () => T, errorValue: T, what: string, token?: CancellationToken): Promise<T | ResponseError<never>> {
	return new Promise((resolve) => {
		setImmediate(() => {
			if (token?.isCancellationRequested) { resolve(cancelled()); return; }
			try {
				const result = fn();
				resolve(token?.isCancellationRequested ? cancelled() : result);
			} catch (e) {
				connection.console.error(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
				resolve(errorValue);
			}
		});
	});
}

function cancelled(): ResponseError<never> {
	return new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
