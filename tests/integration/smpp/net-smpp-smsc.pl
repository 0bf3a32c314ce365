#!/usr/bin/perl
# A minimal SMSC built on Net::SMPP (Debian libnet-smpp-perl), used to check that our ESME session
# interoperates with an independent SMPP implementation. One ESME, one MO, any number of MTs.
use strict;
use warnings;
use Net::SMPP;
$| = 1;

my $listener = Net::SMPP->new_listen('127.0.0.1', port => 0, smpp_version => 0x34) or die "listen: $!";
print "LISTENING ", $listener->sockport, "\n";
my $conn = $listener->accept or die "accept: $!";
my $bind = $conn->read_pdu or die "no bind";
die sprintf("expected bind_transceiver, got 0x%08x\n", $bind->{cmd}) unless $bind->{cmd} == 0x00000009;
print "BIND system_id=$bind->{system_id} password=$bind->{password}\n";
$conn->bind_transceiver_resp(system_id => 'perlsmsc', seq => $bind->{seq});

$conn->enquire_link(async => 1);
$conn->deliver_sm(source_addr_ton => 1, source_addr_npi => 1, source_addr => '15557654321',
                  dest_addr_ton => 1, dest_addr_npi => 1, destination_addr => '15551230000',
                  data_coding => 0, short_message => 'Hello from Perl', async => 1);

my $ids = 0;
while (my $pdu = $conn->read_pdu) {
  my $cmd = $pdu->{cmd};
  if ($cmd == 0x80000005) { print "DELIVER_SM_RESP status=$pdu->{status}\n"; }
  elsif ($cmd == 0x80000015) { print "ENQUIRE_LINK_RESP status=$pdu->{status}\n"; }
  elsif ($cmd == 0x00000015) { $conn->enquire_link_resp(seq => $pdu->{seq}); print "ENQUIRE_LINK\n"; }
  elsif ($cmd == 0x00000004) {
    $ids++;
    printf "SUBMIT_SM from=%s to=%s dc=%d esm=%d rd=%d hex=%s\n", $pdu->{source_addr}, $pdu->{destination_addr},
      $pdu->{data_coding}, $pdu->{esm_class}, $pdu->{registered_delivery}, unpack('H*', $pdu->{short_message});
    $conn->submit_sm_resp(message_id => "perl-$ids", seq => $pdu->{seq});
  }
  elsif ($cmd == 0x00000006) { $conn->unbind_resp(seq => $pdu->{seq}); print "UNBIND\n"; last; }
  else { printf "OTHER 0x%08x\n", $cmd; $conn->generic_nack(seq => $pdu->{seq}, status => 3); }
}
print "BYE\n";
