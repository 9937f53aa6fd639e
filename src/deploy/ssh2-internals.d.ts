// ssh2's host-key algorithm lists (lib/protocol/constants.js); used by ssh2-certificates.ts only.
declare module 'ssh2/lib/protocol/constants.js' {
  const constants: { SUPPORTED_SERVER_HOST_KEY: string[]; DEFAULT_SERVER_HOST_KEY: string[] };
  export default constants;
}
// ssh2's packet helpers (lib/protocol/utils.js); used by ssh2-user-certificates.ts only.
declare module 'ssh2/lib/protocol/utils.js' {
  const utils: {
    sendPacket(protocol: unknown, packet: Buffer): boolean;
    convertSignature(signature: Buffer, keyType: string): Buffer | false;
  };
  export default utils;
}
