import { describe, it, expect } from 'vitest';
import { classifyEarlyExit, notFoundError, relevantLines, configRejectedError } from '../../../main/core/backends/supervisor/failures';

describe('classifyEarlyExit', () => {
  it('recognises uvicorn bind errors on each platform', () => {
    expect(classifyEarlyExit(["ERROR:    [Errno 98] error while attempting to bind on address ('127.0.0.1', 4000): address already in use"])).toBe('port-conflict');
    expect(classifyEarlyExit(['ERROR:    [Errno 48] Address already in use'])).toBe('port-conflict');
    expect(classifyEarlyExit(['[Errno 10048] only one usage of each socket address'])).toBe('port-conflict');
  });

  it('recognises a litellm without the proxy extras', () => {
    expect(classifyEarlyExit(["ModuleNotFoundError: No module named 'uvicorn'"])).toBe('missing-extras');
  });

  it('needs a config word and an error word on one line for a config rejection', () => {
    expect(classifyEarlyExit(['yaml.scanner.ScannerError: mapping values are not allowed here'])).toBe('config-rejected');
    expect(classifyEarlyExit(['Exception: config general_settings.master_key: os.environ/X is not set'])).toBe('config-rejected');
    // LiteLLM's normal banner says "Config" but is no error; a crash after it is just a crash
    expect(classifyEarlyExit(['LiteLLM: Proxy initialized with Config, Set models:', 'RuntimeError: boom'])).toBe('crash');
    expect(classifyEarlyExit([])).toBe('crash');
  });
});

describe('messages', () => {
  it('tells how to install a pinned LiteLLM when the command is missing', () => {
    const error = notFoundError('litellm', '1.77.5', Object.assign(new Error('spawn litellm ENOENT'), { code: 'ENOENT' }));
    expect(error.code).toBe('BINARY_NOT_FOUND');
    expect(error.message).toContain("pip install 'litellm[proxy]==1.77.5'");
    expect(error.message).toMatch(/pin/i);
    expect(error.message).toContain('switchboard.binary.command');
  });

  it('quotes the error lines of a rejected config, not the whole banner', () => {
    const lines = ['INFO:     Started server process [1]', 'Traceback (most recent call last):', 'yaml.scanner.ScannerError: bad config'];
    expect(relevantLines(lines)).toEqual(['yaml.scanner.ScannerError: bad config']);
    const error = configRejectedError('exited with code 1', '/d/litellm.config.yaml', '/d/litellm.log', lines);
    expect(error.code).toBe('BINARY_CONFIG_REJECTED');
    expect(error.message).toContain('ScannerError: bad config');
    expect(error.message).toContain('/d/litellm.log');
  });
});
