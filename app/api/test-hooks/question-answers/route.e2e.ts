// Built only by the e2e build (pageExtensions, see docs/decisions/016-test-support-out-of-production.md).
export { POST } from "@/e2e/support/question-answers";
