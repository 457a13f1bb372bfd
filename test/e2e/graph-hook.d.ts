// Brings the renderer's read-only graph test hook (window.__chaintrailGraph) into the e2e and bench typings.
import type {} from '../../src/renderer/src/graph/test-hook'
