#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start-server';

// createConnection picks the transport from argv: --stdio, --node-ipc or --socket=N.
startServer(createConnection(ProposedFeatures.all));
