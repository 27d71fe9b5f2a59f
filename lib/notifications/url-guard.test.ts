import { describe, expect, it } from "vitest";
import { addressClass, checkHost, checkTargetUrl, refusedAddress } from "./url-guard";

const strict = { allowPrivate: false, allowLoopback: false };
const sandbox = { allowPrivate: false, allowLoopback: true };
const privateOk = { allowPrivate: true, allowLoopback: false };

describe("address classes", () => {
  it.each([
    ["169.254.169.254", "link-local"], ["127.0.0.1", "loopback"], ["127.8.9.1", "loopback"], ["10.1.2.3", "private"],
    ["172.16.0.1", "private"], ["172.31.255.255", "private"], ["172.32.0.1", "public"], ["192.168.1.1", "private"],
    ["100.64.0.1", "private"], ["0.0.0.0", "reserved"], ["224.0.0.1", "reserved"], ["255.255.255.255", "reserved"],
    ["8.8.8.8", "public"], ["::1", "loopback"], ["::", "reserved"], ["fe80::1", "link-local"], ["fd00:ec2::254", "private"],
    ["::ffff:169.254.169.254", "link-local"], ["::ffff:127.0.0.1", "loopback"], ["::ffff:a9fe:a9fe", "link-local"],
    ["64:ff9b::a9fe:a9fe", "reserved"], ["2606:4700::1111", "public"], ["ff02::1", "reserved"],
  ])("%s is %s", (ip, cls) => expect(addressClass(ip)).toBe(cls));

  it("link-local (the metadata service) is refused even when private targets are allowed", () => {
    expect(refusedAddress("169.254.169.254", { allowPrivate: true, allowLoopback: true })).toMatch(/link-local/);
    expect(refusedAddress("10.0.0.5", privateOk)).toBeNull();
    expect(refusedAddress("10.0.0.5", strict)).toMatch(/private/);
  });
});

describe("webhook URLs", () => {
  it("need https, except plain http to loopback in sandbox mode", () => {
    expect(checkTargetUrl("https://hooks.slack.com/services/T/B/X", strict)).toBeNull();
    expect(checkTargetUrl("http://hooks.slack.com/services/T/B/X", strict)).toMatch(/https/);
    expect(checkTargetUrl("http://127.0.0.1:9000/hook", sandbox)).toBeNull();
    expect(checkTargetUrl("http://127.0.0.1:9000/hook", strict)).toMatch(/https/);
    expect(checkTargetUrl("https://127.0.0.1/hook", strict)).toMatch(/loopback/);
    expect(checkTargetUrl("ftp://example.com/", strict)).toMatch(/https/);
  });

  it("refuse the metadata address however it is spelt", () => {
    for (const url of ["https://169.254.169.254/latest/meta-data/", "https://[::ffff:169.254.169.254]/", "https://0xa9fea9fe/", "https://2852039166/", "https://169.254.169.254.:443/", "https://[fd00:ec2::254]/"]) {
      expect(checkTargetUrl(url, { allowPrivate: false, allowLoopback: true }), url).not.toBeNull();
    }
  });

  it("refuse private ranges unless the admin allowed them, credentials in the URL, and overlong URLs", () => {
    expect(checkTargetUrl("https://10.0.0.8/hook", strict)).toMatch(/private/);
    expect(checkTargetUrl("https://10.0.0.8/hook", privateOk)).toBeNull();
    expect(checkTargetUrl("https://user:pw@example.com/", strict)).toMatch(/user name/);
    expect(checkTargetUrl(`https://example.com/${"a".repeat(3000)}`, strict)).toMatch(/2048/);
    expect(checkTargetUrl("https://localhost/x", strict)).toMatch(/own host/);
    expect(checkTargetUrl("https://metadata.google.internal/", privateOk)).toMatch(/internal/);
  });

  it("SMTP hosts follow the same rules", () => {
    expect(checkHost("smtp.example.com", strict)).toBeNull();
    expect(checkHost("127.0.0.1", sandbox)).toBeNull();
    expect(checkHost("169.254.169.254", sandbox)).toMatch(/link-local/);
    expect(checkHost("bad host!", strict)).toMatch(/host name/);
    expect(checkHost("a".repeat(300), strict)).toMatch(/253/);
  });
});
