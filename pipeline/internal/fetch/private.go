package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// AddressError is the error of a connection refused because of the
// address it would reach. It matches ErrPrivate with errors.Is.
type AddressError struct {
	Addr netip.Addr
	Kind string // "loopback", "private", "link-local", …
}

func (e *AddressError) Error() string {
	return fmt.Sprintf("%v: %s is a %s address (allowed only with --allow-private)", ErrPrivate, e.Addr, e.Kind)
}

// Is makes errors.Is(err, ErrPrivate) true.
func (e *AddressError) Is(target error) bool { return target == ErrPrivate }

// cgnat is the shared address space of carrier-grade NAT (RFC 6598), as
// unreachable from the public internet as the private ranges.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// addressKind names why an address is refused, or returns "" for a public
// one.
func addressKind(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case !a.IsValid():
		return "invalid"
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate(), cgnat.Contains(a):
		return "private"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast():
		return "multicast"
	}
	return ""
}

// refusePrivate is a net.Dialer Control func: it runs after DNS
// resolution, for the address actually dialled, on every connection
// (redirects included), so a name that resolves to a private address
// (DNS rebinding) is refused too.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if k := addressKind(a); k != "" {
		return &AddressError{Addr: a.Unmap(), Kind: k}
	}
	return nil
}
